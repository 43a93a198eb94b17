package io.originwatch.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every error found in one configuration, reported together. */
public final class InvalidConfigException extends RuntimeException {

    private final transient List<ConfigError> errors;

    public InvalidConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
