package io.originwatch.http2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame parser's own bounds: frame size, the HTTP/1.x check on the first frame only, stopping. */
class FrameParserTest {

    @Test
    void frameOfExactlyTheMaximumSizePassesAndOneByteMoreFails() {
        List<Frame> frames = new ArrayList<>();
        byte[] max = Frames.frame(FrameType.DATA, 0, 1, new byte[FrameParser.DEFAULT_MAX_FRAME_BYTES]);
        assertThat(new FrameParser().feed(max, 0, max.length, frames::add)).isNull();
        assertThat(frames).singleElement().extracting(f -> f.payload().length).isEqualTo(16_384);

        byte[] over = Frames.frame(FrameType.DATA, 0, 1, new byte[FrameParser.DEFAULT_MAX_FRAME_BYTES + 1]);
        FrameParser p = new FrameParser();
        // decided at the header's last byte: none of the payload is read
        assertThat(p.feed(over, 0, over.length, f -> true)).isInstanceOf(H2Failure.ProtocolError.class);
        assertThat(p.bytesSeen()).isEqualTo(FrameParser.HEADER_BYTES);
    }

    @Test
    void httpPrefixCountsOnlyOnTheFirstFrame() {
        byte[] settings = Frames.frame(FrameType.SETTINGS, 0, 0, new byte[0]);
        byte[] later = "HTTP/1.1 200 OK\r\n".getBytes();
        byte[] wire = new byte[settings.length + later.length];
        System.arraycopy(settings, 0, wire, 0, settings.length);
        System.arraycopy(later, 0, wire, settings.length, later.length);
        H2Failure f = new FrameParser().feed(wire, 0, wire.length, x -> true);
        // "HTTP/1" read as a frame header: length 0x485454 is far over the limit
        assertThat(f).isInstanceOf(H2Failure.ProtocolError.class);
        assertThat(f.describe()).contains("exceeds the maximum frame size");
    }

    @Test
    void handlerStopsTheParserAndLaterBytesAreNotRead() {
        byte[] one = Frames.frame(FrameType.PING, 0, 0, new byte[8]);
        byte[] two = new byte[one.length * 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        FrameParser p = new FrameParser();
        List<Frame> seen = new ArrayList<>();
        assertThat(p.feed(two, 0, two.length, f -> seen.add(f) && false)).isNull();
        assertThat(seen).hasSize(1);
        assertThat(p.bytesSeen()).isEqualTo(one.length);
        assertThat(p.endOfStream()).isNull();
    }
}
