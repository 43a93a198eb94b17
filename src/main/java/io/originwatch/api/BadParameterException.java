package io.originwatch.api;

/** A query parameter the API cannot use: answered 400 {@code bad_parameter}, the detail naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    /** The parameter's name as the request spells it, e.g. {@code limit}. */
    public String parameter() {
        return parameter;
    }
}
