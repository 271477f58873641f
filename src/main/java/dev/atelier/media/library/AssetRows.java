package dev.atelier.media.library;

import dev.atelier.media.Asset;
import dev.atelier.media.AssetKind;
import dev.atelier.media.AssetOrigin;
import dev.atelier.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of assets and their pins. */
@Repository
public class AssetRows {

    private static final String COLUMNS = "id, owner_id, kind, origin, media_type, bytes, sha256, width, height,"
            + " duration_ms, has_audio, name, thumbnail_type, created_at, expires_at";

    private final JdbcClient jdbc;

    AssetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Asset asset) {
        jdbc.sql("insert into media_assets (" + COLUMNS + ") values (:id, :owner, :kind, :origin, :type, :bytes,"
                        + " :sha256, :width, :height, :duration, :audio, :name, :thumbnail, :created, :expires)")
                .param("id", asset.id())
                .param("owner", asset.ownerId())
                .param("kind", asset.kind().value())
                .param("origin", asset.origin().value())
                .param("type", asset.mediaType())
                .param("bytes", asset.bytes())
                .param("sha256", asset.sha256())
                .param("width", asset.width())
                .param("height", asset.height())
                .param("duration", asset.durationMs())
                .param("audio", asset.hasAudio())
                .param("name", asset.name())
                .param("thumbnail", asset.thumbnailType())
                .param("created", Timestamp.from(asset.createdAt()))
                .param("expires", asset.expiresAt() == null ? null : Timestamp.from(asset.expiresAt()))
                .update();
    }

    public Optional<Asset> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from media_assets where id = :id")
                .param("id", id).query(AssetRows::map).optional();
    }

    /** One page of an owner's assets, newest first, optionally of one kind and origin. */
    public List<Asset> list(UUID owner, AssetKind kind, AssetOrigin origin, PageRequest page) {
        return list(owner, kind, origin, null, page);
    }

    /** The same, only assets whose name contains {@code words} (case-insensitive, as typed) unless it is null. */
    public List<Asset> list(UUID owner, AssetKind kind, AssetOrigin origin, String words, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from media_assets where owner_id = :owner");
        var query = new java.util.LinkedHashMap<String, Object>();
        query.put("owner", owner);
        if (kind != null) {
            sql.append(" and kind = :kind");
            query.put("kind", kind.value());
        }
        if (origin != null) {
            sql.append(" and origin = :origin");
            query.put("origin", origin.value());
        }
        if (words != null) {
            sql.append(" and strpos(lower(name), lower(:words)) > 0");
            query.put("words", words);
        }
        if (!page.first()) {
            sql.append(" and (created_at, id) < (:afterCreated, :afterId)");
            query.put("afterCreated", Timestamp.from(page.instant(0)));
            query.put("afterId", page.uuid(1));
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        query.put("limit", page.fetchSize());
        return jdbc.sql(sql.toString()).params(query).query(AssetRows::map).list();
    }

    /** Locks the row for deleting, so a pin cannot slip in between the check and the delete. */
    Optional<Asset> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from media_assets where id = :id for update")
                .param("id", id).query(AssetRows::map).optional();
    }

    boolean pinned(UUID id) {
        return jdbc.sql("select exists (select 1 from media_asset_pins where asset_id = :id)")
                .param("id", id).query(Boolean.class).single();
    }

    void delete(UUID id) {
        jdbc.sql("delete from media_assets where id = :id").param("id", id).update();
    }

    /** Ids of expired assets that nothing pins, oldest expiry first. */
    List<UUID> expired(Instant now, int limit) {
        return jdbc.sql("select id from media_assets a where expires_at < :now and not exists"
                        + " (select 1 from media_asset_pins p where p.asset_id = a.id)"
                        + " order by expires_at limit :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** Of the given ids, those that are assets. */
    List<UUID> existing(List<UUID> ids) {
        return jdbc.sql("select id from media_assets where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** Adds a pin; false when there is no such asset. */
    boolean pin(UUID id, String holder, Instant now) {
        return jdbc.sql("insert into media_asset_pins (asset_id, holder, pinned_at)"
                        + " select id, :holder, :now from media_assets where id = :id"
                        + " on conflict (asset_id, holder) do nothing")
                .param("id", id).param("holder", holder).param("now", Timestamp.from(now)).update() > 0
                || jdbc.sql("select exists (select 1 from media_assets where id = :id)").param("id", id)
                        .query(Boolean.class).single();
    }

    void unpin(UUID id, String holder) {
        jdbc.sql("delete from media_asset_pins where asset_id = :id and holder = :holder")
                .param("id", id).param("holder", holder).update();
    }

    private static Asset map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Asset(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                AssetKind.of(rs.getString("kind")),
                AssetOrigin.of(rs.getString("origin")),
                rs.getString("media_type"),
                rs.getLong("bytes"),
                rs.getString("sha256"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getObject("duration_ms", Long.class),
                rs.getBoolean("has_audio"),
                rs.getString("name"),
                rs.getString("thumbnail_type"),
                rs.getTimestamp("created_at").toInstant(),
                expires == null ? null : expires.toInstant());
    }
}
