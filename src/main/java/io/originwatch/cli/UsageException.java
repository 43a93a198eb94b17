package io.originwatch.cli;

import java.util.List;

/**
 * A usage or configuration error of {@code check}: exit status 2. Each problem names the option (or
 * the config key) at fault, e.g. {@code --header-limit: must be a whole number of bytes ...}.
 */
public final class UsageException extends RuntimeException {

    private final List<String> problems;

    public UsageException(String option, String message) {
        this(List.of(option + ": " + message));
    }

    public UsageException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the option or key. */
    public List<String> problems() {
        return problems;
    }
}
