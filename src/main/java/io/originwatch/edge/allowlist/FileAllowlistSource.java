package io.originwatch.edge.allowlist;

import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;

/**
 * An allowlist file, re-read only when its modification time or size changed. The format is the
 * configured one or guessed from the content (the guess is logged once per content change).
 */
public final class FileAllowlistSource implements AllowlistSource {

    private static final System.Logger LOG = System.getLogger(FileAllowlistSource.class.getName());

    /** iptables chain read when none is configured. */
    public static final String DEFAULT_CHAIN = "INPUT";

    private final Path file;
    private final AllowlistFormat configured;
    private final String chain;
    private Instant seenMtime;
    private long seenSize = -1;
    private List<IPAddress> last;
    private AllowlistFormat lastFormat;

    /** @param format null to guess from the content */
    public FileAllowlistSource(Path file, AllowlistFormat format, String chain) {
        this.file = file;
        this.configured = format;
        this.chain = chain == null || chain.isBlank() ? DEFAULT_CHAIN : chain;
    }

    @Override
    public synchronized String describe() {
        AllowlistFormat f = configured != null ? configured : lastFormat;
        return "file:" + file + (f == null ? "" : " (" + f.label() + (configured == null ? ", guessed" : "") + ")");
    }

    @Override
    public synchronized List<IPAddress> read() throws AllowlistParseException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            forget();
            throw new AllowlistParseException(
                    file + ": cannot read (" + e.getClass().getSimpleName() + " " + e.getMessage() + ")");
        }
        Instant mtime = attrs.lastModifiedTime().toInstant();
        if (last != null && mtime.equals(seenMtime) && attrs.size() == seenSize) {
            return last;
        }
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            forget();
            throw new AllowlistParseException(
                    file + ": cannot read (" + e.getClass().getSimpleName() + " " + e.getMessage() + ")");
        }
        AllowlistFormat format = configured;
        if (format == null) {
            format = AllowlistFormat.guess(content);
            LOG.log(Level.INFO, "allowlist format guessed file={0} format={1}", file, format.label());
        }
        lastFormat = format;
        try {
            last = AllowlistParser.parse(file.toString(), content, format, chain);
        } catch (AllowlistParseException e) {
            forget();
            throw e;
        }
        seenMtime = mtime;
        seenSize = attrs.size();
        return last;
    }

    private void forget() {
        last = null;
        seenMtime = null;
        seenSize = -1;
    }
}
