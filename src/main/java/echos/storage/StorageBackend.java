package echos.storage;

/** Which database holds Echos' records, chosen in this one place from the environment. */
public enum StorageBackend {
    SQLITE, POSTGRESQL, MONGODB;

    /**
     * MONGO_URI (or MONGODB_URI, the name Chatty reads) selects MongoDB, DATABASE_URL PostgreSQL, neither the
     * embedded SQLite.
     *
     * @throws IllegalArgumentException with a one-line reason when the settings contradict each other
     */
    public static StorageBackend choose(String databaseUrl, String mongoUri, String mongodbUri) {
        boolean postgres = isSet(databaseUrl);
        boolean mongo = isSet(mongoUri) || isSet(mongodbUri);
        if (isSet(mongoUri) && isSet(mongodbUri) && !mongoUri.trim().equals(mongodbUri.trim())) {
            throw new IllegalArgumentException("MONGO_URI and MONGODB_URI are both set, to different databases; set one of them");
        }
        if (postgres && mongo) {
            throw new IllegalArgumentException("DATABASE_URL (PostgreSQL) and " + (isSet(mongoUri) ? "MONGO_URI" : "MONGODB_URI")
                    + " (MongoDB) are both set; Echos stores everything in one database, so set only one of them");
        }
        return mongo ? MONGODB : postgres ? POSTGRESQL : SQLITE;
    }

    public boolean isSql() {
        return this != MONGODB;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
