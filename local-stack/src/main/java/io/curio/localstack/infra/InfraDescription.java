package io.curio.localstack.infra;

/**
 * What the infrastructure process runs and where, written to {@code infra.json} once all of it answers.
 *
 * @param pid the infrastructure process
 * @param postgres the PostgreSQL server and database
 * @param redis the Redis server
 * @param s3 the S3-compatible server of the data hub
 * @param kinesis the Kinesis emulator
 * @param attributes the dataset's attribute endpoints
 * @param dataset which dataset is served
 * @param datasetSummary the dataset's counts, in words
 */
public record InfraDescription(long pid, Postgres postgres, Redis redis, S3 s3, Kinesis kinesis,
        Attributes attributes, String dataset, String datasetSummary) {

    /**
     * @param port its port on 127.0.0.1
     * @param database the stack's database
     * @param embedded whether this process started it
     */
    public record Postgres(int port, String database, boolean embedded) {

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + this.database;
        }

    }

    /**
     * @param port its port on 127.0.0.1
     * @param embedded whether this process started it
     */
    public record Redis(int port, boolean embedded) {
    }

    public record S3(String endpoint, String bucket, String region, String accessKey, String secretKey) {
    }

    public record Kinesis(String endpoint, String stream, String region, long pid) {
    }

    public record Attributes(String booksUrl, String usersUrl) {
    }

}
