package io.curio.localstack.stack;

/**
 * Every port of one stack: the documented defaults plus an offset, so a second stack can run beside a first.
 *
 * @param offset what is added to every default port
 */
public record StackPorts(int offset) {

    public static final int S3 = 9000;

    public static final int KINESIS = 4567;

    public static final int ATTRIBUTES = 9100;

    public static final int POSTGRES = 5432;

    public static final int REDIS = 6379;

    public static final int MAX_OFFSET = 50_000;

    public StackPorts {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("port offset must be between 0 and " + MAX_OFFSET + ", was " + offset);
        }
    }

    public int service(Service service) {
        return service.basePort() + this.offset;
    }

    /** Where the service answers health and metrics, the same as {@link #service} for all but the gateway. */
    public int management(Service service) {
        return service.baseManagementPort() + this.offset;
    }

    public int s3() {
        return S3 + this.offset;
    }

    public int kinesis() {
        return KINESIS + this.offset;
    }

    public int attributes() {
        return ATTRIBUTES + this.offset;
    }

    /** The port of an embedded PostgreSQL, used only when none answers on the default port. */
    public int embeddedPostgres() {
        return POSTGRES + this.offset;
    }

    /** The port of an embedded Redis, used only when none answers on the default port. */
    public int embeddedRedis() {
        return REDIS + this.offset;
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

}
