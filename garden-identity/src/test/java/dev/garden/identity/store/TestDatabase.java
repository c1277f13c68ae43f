package dev.garden.identity.store;

/** The databases the store's test suite runs on. */
enum TestDatabase {
    /** The embedded default: an H2 file database with AUTO_SERVER, in a temporary Garden home. */
    H2,
    /** A fresh database on the test JVM's throwaway PostgreSQL cluster. */
    POSTGRES
}
