package io.originwatch.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * The jar's entry point. {@code check ...} runs the one-shot check as plain Java and exits with its
 * status, before anything of Quarkus starts: no HTTP server, no scheduler, no configuration of the
 * daemon (the JVM is up and answering in well under a second). Anything else starts the daemon,
 * exactly as Quarkus' own entry point would.
 */
@QuarkusMain
public final class Main {

    private Main() {}

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("check")) {
            int status = new CheckCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
            System.out.flush();
            System.exit(status);
        }
        Quarkus.run(args);
    }
}
