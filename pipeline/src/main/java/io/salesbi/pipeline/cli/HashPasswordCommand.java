package io.salesbi.pipeline.cli;

import io.salesbi.server.PasswordHasher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesbi hash-password}: the hash to put under server.users.NAME.password-hash. */
@Command(
        name = "hash-password",
        mixinStandardHelpOptions = true,
        description =
                "Prints the salted PBKDF2 hash of a password for server.users.NAME.password-hash in salesbi.yaml. "
                        + "The password is asked for on the terminal, or read from the first line of standard input.")
final class HashPasswordCommand implements Callable<Integer> {

    @Option(
            names = "--password",
            interactive = true,
            arity = "0..1",
            paramLabel = "SECRET",
            description = "The password; asked for when given without a value.")
    char[] password;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        char[] secret = password;
        if (secret == null) {
            if (System.console() != null) {
                secret = System.console().readPassword("Password: ");
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                secret = line == null ? new char[0] : line.toCharArray();
            }
        }
        if (secret == null || secret.length < 8) {
            throw new SalesbiCommand.UsageException("a password needs at least 8 characters");
        }
        spec.commandLine().getOut().println(PasswordHasher.hash(secret));
        spec.commandLine().getOut().flush();
        Arrays.fill(secret, '\0');
        return SalesbiCommand.EXIT_OK;
    }
}
