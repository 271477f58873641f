package dev.atelier.platform.database;

import dev.atelier.platform.PlatformProperties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A PostgreSQL run elsewhere ({@code ATELIER_DATABASE_URL}): same migrations, same SQL. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${atelier.database.url:}'.isBlank()")
class ExternalDatabaseConfiguration {

    @Bean
    DataSource dataSource(PlatformProperties properties) {
        PlatformProperties.Database database = properties.database();
        return DataSources.pooled(database.url(), database.username(), database.password(), database.maxPoolSize());
    }
}
