package org.openimr.reviewer;

import javax.sql.DataSource;
import org.openimr.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The candidates' migration on PostgreSQL, whose JSON functions are its own. */
class SelectionCandidatesMigrationOnPostgresTest extends SelectionCandidatesMigrationTest {

    private static final String DATABASE = "selection_migration";

    @Override
    DataSource database() {
        JdbcClient server = JdbcClient.create(EmbeddedPostgres.server().getPostgresDatabase());
        server.sql("drop database if exists " + DATABASE).update();
        server.sql("create database " + DATABASE).update();
        return EmbeddedPostgres.server().getDatabase("postgres", DATABASE);
    }
}
