package dev.atelier.catalog.internal;

import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.catalog.Parameter;
import dev.atelier.catalog.ParameterType;
import dev.atelier.catalog.PriceRule;
import dev.atelier.catalog.PriceUnit;
import dev.atelier.platform.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The catalog table. Models are read through {@link ModelCache}, which a change to a row empties on every node. */
@Component
public class CatalogRows {

    private static final String COLUMNS = "id, kind, provider, name, description, enabled, prompt_max_length, "
            + "parameters::text as parameters, price_unit, price_credits, price_minimum, provider_model, "
            + "provider_options::text as provider_options, inputs::text as inputs, fallback_model";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CatalogRows(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Optional<Model> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from catalog_models where id = :id").param("id", id)
                .query(this::model).optional();
    }

    /** A page of models by id, {@code page.fetchSize()} rows; only enabled ones unless {@code all}. */
    public List<Model> page(boolean all, ModelKind kind, PageRequest page) {
        return jdbc.sql("select " + COLUMNS + " from catalog_models where (:all or enabled) and (:first or id > :after) "
                        + "and (cast(:kind as text) is null or kind = :kind) order by id limit :limit")
                .param("all", all).param("kind", kind == null ? null : kind.value()).param("first", page.first()).param("after", page.first() ? "" : page.text(0))
                .param("limit", page.fetchSize())
                .query(this::model).list();
    }

    /** Changes price and availability (null leaves a field as it is) and records who did it. */
    public Optional<Model> change(String id, Long credits, Long minimum, Boolean enabled, UUID by) {
        return jdbc.sql("""
                with updated as (
                    update catalog_models
                    set price_credits = coalesce(cast(:credits as bigint), price_credits),
                        price_minimum = coalesce(cast(:minimum as bigint), price_minimum),
                        enabled = coalesce(cast(:enabled as boolean), enabled),
                        updated_at = :now
                    where id = :id
                    returning *
                ), change as (
                    insert into catalog_model_changes (model_id, price_credits, price_minimum, enabled, changed_by, changed_at)
                    select id, price_credits, price_minimum, enabled, :by, :now from updated
                )
                select\s""" + COLUMNS + " from updated")
                .param("id", id).param("credits", credits).param("minimum", minimum).param("enabled", enabled)
                .param("by", by).param("now", Timestamp.from(clock.instant()))
                .query(this::model).optional();
    }

    private Model model(ResultSet rs, int row) throws SQLException {
        return new Model(rs.getString("id"), ModelKind.of(rs.getString("kind")), rs.getString("provider"),
                rs.getString("name"), rs.getString("description"), rs.getBoolean("enabled"),
                rs.getInt("prompt_max_length"), parameters(rs.getString("parameters")),
                new PriceRule(PriceUnit.of(rs.getString("price_unit")), rs.getLong("price_credits"),
                        rs.getLong("price_minimum")), rs.getString("provider_model"),
                options(rs.getString("provider_options")), inputs(rs.getString("inputs")),
                rs.getString("fallback_model"));
    }

    private Map<String, Object> options(String text) {
        Map<String, Object> options = new LinkedHashMap<>();
        json.readTree(text).properties().forEach(e -> options.put(e.getKey(), json.treeToValue(e.getValue(), Object.class)));
        return Collections.unmodifiableMap(options);
    }

    private Map<String, Integer> inputs(String text) {
        Map<String, Integer> inputs = new LinkedHashMap<>();
        json.readTree(text).properties().forEach(e -> inputs.put(e.getKey(), e.getValue().asInt()));
        return Collections.unmodifiableMap(inputs);
    }

    private List<Parameter> parameters(String text) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode rule : json.readTree(text)) {
            List<String> values = new ArrayList<>();
            rule.path("values").forEach(value -> values.add(value.asString()));
            JsonNode fallback = rule.get("default");
            parameters.add(new Parameter(rule.get("name").asString(), ParameterType.of(rule.get("type").asString()),
                    decimal(rule.get("min")), decimal(rule.get("max")), List.copyOf(values),
                    fallback == null || fallback.isNull() ? null : json.treeToValue(fallback, Object.class),
                    rule.path("required").asBoolean(false), rule.path("description").asString("")));
        }
        return List.copyOf(parameters);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }
}
