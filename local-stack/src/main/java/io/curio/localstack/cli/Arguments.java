package io.curio.localstack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The positional arguments and options of one command. Options are {@code --name value} or {@code --name=value};
 * flags are {@code --name} alone. Anything the command did not declare is a {@link UsageException}.
 *
 * @param positionals arguments that are not options, in order
 * @param values options with a value, by name without the dashes
 * @param flags flags that were given, by name without the dashes
 */
public record Arguments(List<String> positionals, Map<String, String> values, Set<String> flags) {

    public Arguments {
        positionals = List.copyOf(positionals);
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
    }

    /**
     * Parses the arguments that follow a command name.
     * @param args the arguments
     * @param valueOptions names of the options that take a value
     * @param flagOptions names of the options that take none
     */
    public static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            String name = optionName(arg);
            if (flagOptions.contains(name) && !arg.contains("=")) {
                flags.add(name);
            }
            else if (valueOptions.contains(name)) {
                boolean inline = arg.contains("=");
                values.put(name, inline ? arg.substring(arg.indexOf('=') + 1) : valueAfter(args, i));
                i += inline ? 0 : 1;
            }
            else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return new Arguments(positionals, values, flags);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(this.values.get(name));
    }

    public String value(String name, String fallback) {
        return this.values.getOrDefault(name, fallback);
    }

    public Optional<Path> path(String name) {
        return value(name).map(Path::of);
    }

    /** An integer option, within bounds. */
    public int intValue(String name, int fallback, int min, int max) {
        String text = this.values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", was " + text);
            }
            return value;
        }
        catch (NumberFormatException ex) {
            throw new UsageException("--" + name + " must be a whole number, was '" + text + "'");
        }
    }

    public boolean has(String flag) {
        return this.flags.contains(flag);
    }

    /** The single positional argument the command needs, named for the error message. */
    public String requiredPositional(String what) {
        if (this.positionals.isEmpty()) {
            throw new UsageException("missing " + what);
        }
        if (this.positionals.size() > 1) {
            throw new UsageException("unexpected argument '" + this.positionals.get(1) + "'");
        }
        return this.positionals.get(0);
    }

    /** Fails when positional arguments were given to a command that takes none. */
    public Arguments withoutPositionals() {
        if (!this.positionals.isEmpty()) {
            throw new UsageException("unexpected argument '" + this.positionals.get(0) + "'");
        }
        return this;
    }

    private static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return (equals < 0) ? arg.substring(2) : arg.substring(2, equals);
    }

    private static String valueAfter(List<String> args, int index) {
        if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
            throw new UsageException("option " + args.get(index) + " needs a value");
        }
        return args.get(index + 1);
    }

}
