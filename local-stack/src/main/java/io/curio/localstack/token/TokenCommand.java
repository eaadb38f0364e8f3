package io.curio.localstack.token;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.curio.localstack.cli.Arguments;

/**
 * {@code curio token USER [--plan free|premium] [--scope "..."] [--ttl SECONDS]}: prints a token for the gateway.
 */
public final class TokenCommand {

    public static final String DEFAULT_SCOPE = "recs:read events:write";

    private static final int DAY_SECONDS = 86_400;

    private final TokenMinter minter;

    private final Clock clock;

    public TokenCommand(TokenMinter minter, Clock clock) {
        this.minter = minter;
        this.clock = clock;
    }

    public void run(List<String> args, PrintStream out) {
        Arguments arguments = Arguments.parse(args, Set.of("plan", "scope", "ttl"), Set.of());
        out.println(this.minter.mint(request(arguments), this.clock.instant()));
    }

    static TokenMinter.TokenRequest request(Arguments arguments) {
        String user = arguments.requiredPositional("USER (the token's subject)");
        Duration ttl = Duration.ofSeconds(arguments.intValue("ttl", 3600, 1, 30 * DAY_SECONDS));
        return new TokenMinter.TokenRequest(user, arguments.value("plan", "free"),
                arguments.value("scope", DEFAULT_SCOPE), ttl);
    }

}
