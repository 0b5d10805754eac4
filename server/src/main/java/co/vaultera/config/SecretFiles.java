package co.vaultera.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/** Secrets the embedded mode generates once and keeps in the data dir, readable by the owner only. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Reads the secret in {@code file}, or writes a new one from {@code generator}; the flag says which. */
    public static Secret readOrCreate(Path file, Supplier<String> generator) {
        Optional<String> existing = read(file);
        if (existing.isPresent()) {
            return new Secret(existing.get(), false);
        }
        String value = generator.get();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, value + "\n", StandardCharsets.US_ASCII);
            return new Secret(value, true);
        } catch (FileAlreadyExistsException raceLost) {
            return new Secret(read(file).orElseThrow(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    public record Secret(String value, boolean created) {
        @Override
        public String toString() {
            return "Secret[****]";
        }
    }
}
