package dev.atelier.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

final class DataSources {

    private DataSources() {
    }

    static HikariDataSource pooled(String url, String username, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("atelier");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
