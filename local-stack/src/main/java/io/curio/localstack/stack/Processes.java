package io.curio.localstack.stack;

/**
 * Names of the processes a stack runs besides the services, as used for their pid and log files.
 */
public final class Processes {

    public static final String INFRA = "infra";

    public static final String KINESIS = "kinesis";

    public static final String POSTGRES = "postgres";

    public static final String REDIS = "redis";

    private Processes() {
    }

}
