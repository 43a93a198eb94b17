package io.originwatch.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The origins file's fast path: SnakeYAML's event stream turned into raw origins one list item at a
 * time, so a file of 100,000 origins never exists as a node tree, a second tree of Java objects and
 * one flat map of all its keys at once (that was about 900 MB of short-lived heap at 100,000, and the
 * garbage collector's pauses were most of the load's time).
 *
 * <p>It handles the documents the origins file is written as: one mapping of plain scalar keys,
 * {@code origins} a list of mappings, no anchors, aliases, merge keys or explicit tags. Scalars are
 * resolved by SnakeYAML's own {@link Resolver} and converted as {@link OriginsFileReader}'s
 * constructor converts them (numbers and timestamps stay text, YAML 1.1 booleans become
 * {@code true}/{@code false}, nulls are left out), and each item is flattened by {@link YamlFlattener}
 * and grouped by the same code as the whole-document path, so both yield the same origins and the
 * same errors in the same order. For anything else, and for any YAML error (so its message is the
 * whole-document path's), {@link #read} answers empty and the caller loads the document as a whole.
 */
final class OriginsFileStream {

    /** As SnakeYAML's SafeConstructor reads YAML 1.1 booleans. */
    private static final Map<String, Boolean> BOOLEANS =
            Map.of("yes", true, "no", false, "true", true, "false", false, "on", true, "off", false);

    private static final String ORIGINS = "origins";

    /**
     * The first characters of the plain scalars SnakeYAML's {@link Resolver} may resolve to a tag
     * other than str, int, float and timestamp: bool ({@code yYnNtTfFoO}), merge ({@code <}), null
     * ({@code ~nN}, and a lone space) and its YAML tag ({@code !&*}). Any other scalar is text here without asking it
     * (the resolver's regular expressions were a tenth of the load).
     */
    static final String NOT_TEXT_FIRST = "yYnNtTfFoO<~!&* ";

    /** Thrown inside the stream when the document needs the whole-document path. */
    private static final class NotSimple extends RuntimeException {
        NotSimple() {
            super(null, null, false, false);
        }
    }

    private final Parser parser;
    private final Resolver resolver = new Resolver();
    /** Collections open around the current event; deeper than SnakeYAML's composer allows goes whole. */
    private int depth;

    private final int depthLimit;

    private OriginsFileStream(String text, int maxBytes) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxBytes);
        this.depthLimit = options.getNestingDepthLimit();
        this.parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
    }

    /**
     * The content of {@code text} as {@link OriginsFileReader#readAll} reads it, with its problems
     * added to {@code errors}; empty (and nothing added) when the document is not one this path
     * handles or is not valid YAML.
     */
    static Optional<OriginsFileReader.Content> read(
            String fileName, String text, int maxBytes, List<ConfigError> errors) {
        try {
            return Optional.of(new OriginsFileStream(text, maxBytes).content(fileName, errors));
        } catch (RuntimeException e) { // NotSimple, or a YAML error
            return Optional.empty();
        }
    }

    private OriginsFileReader.Content content(String fileName, List<ConfigError> errors) {
        expect(Event.ID.StreamStart);
        expect(Event.ID.DocumentStart);
        Event top = parser.getEvent();
        if (!top.is(Event.ID.MappingStart) || !plain(top)) {
            throw new NotSimple();
        }
        List<ConfigError> found = new ArrayList<>();
        List<RawOrigin> origins = new ArrayList<>();
        Map<Object, Object> others = new LinkedHashMap<>();
        boolean seenOrigins = false;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Object key = key(parser.getEvent());
            if (ORIGINS.equals(key)) {
                if (seenOrigins) {
                    throw new NotSimple(); // a repeated key: the whole-document path keeps the last one
                }
                seenOrigins = true;
                origins(fileName, origins, found);
            } else if (key instanceof String k && k.startsWith(ORIGINS)) {
                throw new NotSimple(); // as "origins[3]": its flat keys would join the list's items
            } else {
                depth = 1; // inside the top mapping, as SnakeYAML's composer counts
                others.put(key, value(parser.getEvent()));
            }
        }
        parser.getEvent();
        expect(Event.ID.DocumentEnd);
        expect(Event.ID.StreamEnd);
        Map<String, String> flat = YamlFlattener.flatten(others);
        Map<String, String> maintenance = new TreeMap<>();
        Map<String, String> rest = new LinkedHashMap<>();
        flat.forEach((k, v) -> (k.startsWith(OriginsFileReader.MAINTENANCE + ".") ? maintenance : rest).put(k, v));
        if (!rest.isEmpty()) {
            origins.addAll(OriginsFileReader.group(fileName, rest, found));
        }
        // the whole-document path reports in the order of the flat keys: the same sort here
        found.sort((a, b) -> a.key().compareTo(b.key()));
        errors.addAll(found);
        return new OriginsFileReader.Content(origins, maintenance);
    }

    /** The list under {@code origins}, one item at a time: flattened, grouped, and let go. */
    private void origins(String fileName, List<RawOrigin> origins, List<ConfigError> found) {
        Event start = parser.getEvent();
        if (!start.is(Event.ID.SequenceStart) || !plain(start)) {
            throw new NotSimple();
        }
        int index = 0;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            Event item = parser.getEvent();
            if (!item.is(Event.ID.MappingStart)) {
                throw new NotSimple();
            }
            Map<String, String> flat = new TreeMap<>();
            depth = 2; // inside the top mapping and the list, as SnakeYAML's composer counts
            YamlFlattener.flattenValue(ORIGINS + "[" + index + "]", value(item), flat);
            origins.addAll(OriginsFileReader.group(fileName, flat, found));
            index++;
        }
        parser.getEvent();
    }

    /** A mapping key: a plain scalar that is not a merge key. */
    private Object key(Event e) {
        if (!(e instanceof ScalarEvent s)) {
            throw new NotSimple();
        }
        if (s.getTag() == null && resolve(s) == Tag.MERGE) {
            throw new NotSimple();
        }
        return value(e);
    }

    /** The value that starts with {@code e}, as SnakeYAML's constructor would build it. */
    private Object value(Event e) {
        if (!plain(e)) {
            throw new NotSimple();
        }
        if (e instanceof ScalarEvent s) {
            Tag tag = resolve(s);
            if (tag == Tag.STR || tag == Tag.INT || tag == Tag.FLOAT || tag == Tag.TIMESTAMP) {
                return s.getValue();
            } else if (tag == Tag.BOOL) {
                return BOOLEANS.get(s.getValue().toLowerCase(Locale.ROOT));
            } else if (tag == Tag.NULL) {
                return null;
            }
            throw new NotSimple();
        }
        if (++depth > depthLimit) {
            // the whole-document path refuses it with SnakeYAML's own message (and no deep recursion here)
            throw new NotSimple();
        }
        try {
            return collection(e);
        } finally {
            depth--;
        }
    }

    private Object collection(Event e) {
        if (e.is(Event.ID.SequenceStart)) {
            List<Object> list = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                list.add(value(parser.getEvent()));
            }
            parser.getEvent();
            return list;
        } else if (e.is(Event.ID.MappingStart)) {
            Map<Object, Object> map = new LinkedHashMap<>();
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                Object key = key(parser.getEvent());
                // a repeated key: SnakeYAML keeps the last value, and so does put
                map.put(key, value(parser.getEvent()));
            }
            parser.getEvent();
            return map;
        }
        throw new NotSimple(); // an alias
    }

    private Tag resolve(ScalarEvent s) {
        if (s.getTag() != null) {
            return null;
        }
        String v = s.getValue();
        if (!v.isEmpty() && NOT_TEXT_FIRST.indexOf(v.charAt(0)) < 0) {
            // str, int, float or timestamp (all text here), whatever the resolver would pick: no regex
            return Tag.STR;
        }
        return resolver.resolve(NodeId.scalar, v, s.getImplicit().canOmitTagInPlainScalar());
    }

    /** A node event without an anchor or an explicit tag. */
    private static boolean plain(Event e) {
        if (!(e instanceof NodeEvent n) || n.getAnchor() != null) {
            return false;
        }
        if (e instanceof ScalarEvent s) {
            return s.getTag() == null;
        }
        return !(e instanceof CollectionStartEvent c) || c.getTag() == null;
    }

    private void expect(Event.ID id) {
        if (!parser.getEvent().is(id)) {
            throw new NotSimple();
        }
    }
}
