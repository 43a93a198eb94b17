package io.originwatch.probe;

import static io.originwatch.testing.ClientCertificates.KeyFormat.PKCS8;
import static io.originwatch.testing.ClientCertificates.KeyFormat.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.originwatch.testing.ClientCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client certificate files are re-read when they change; unchanged files reuse one client. */
class TlsClientsTest {

    @TempDir
    Path dir;

    @Test
    void aRotatedCertificateAndKeyArePickedUpByTheNextProbe() throws Exception {
        Instant in90Days = Instant.now().plus(Duration.ofDays(90));
        Path[] files = ClientCertificates.selfSigned("before", "EC", in90Days).write(dir, "edge", PKCS8);
        ClientCertificate client = new ClientCertificate(files[0], files[1]);
        TlsClients clients = new TlsClients(TlsStack.JDK);

        TlsClients.TlsClient first = clients.forSpec(null, client);
        assertThat(first.clientCertificate().leaf().getSubjectX500Principal().getName())
                .isEqualTo("CN=before");
        assertThat(clients.forSpec(null, client)).isSameAs(first);

        // a renewal writes both files anew (here an RSA pair in PKCS#1), with a later modification time
        ClientCertificates.selfSigned("after", "RSA", in90Days).write(dir, "edge", TRADITIONAL);
        FileTime later =
                FileTime.from(Files.getLastModifiedTime(files[0]).toInstant().plusSeconds(10));
        Files.setLastModifiedTime(files[0], later);
        Files.setLastModifiedTime(files[1], later);
        TlsClients.TlsClient second = clients.forSpec(null, client);
        assertThat(second).isNotSameAs(first);
        assertThat(second.clientCertificate().leaf().getSubjectX500Principal().getName())
                .isEqualTo("CN=after");
        assertThat(second.clientCertificate().keyType()).isEqualTo("RSA");
        assertThat(second.trust())
                .as("the trust manager is per trust-ca, not per certificate")
                .isSameAs(first.trust());
    }

    @Test
    void aKeyFileRemovedAfterStartUpIsUnusableNamingTheFile() throws Exception {
        Path[] files = ClientCertificates.selfSigned("edge", "EC", Instant.now().plus(Duration.ofDays(90)))
                .write(dir, "edge", PKCS8);
        Files.delete(files[1]);
        assertThatThrownBy(() -> new TlsClients(TlsStack.JDK).forSpec(null, new ClientCertificate(files[0], files[1])))
                .isInstanceOfSatisfying(ClientCertificate.Unusable.class, e -> {
                    assertThat(e.inKey()).isTrue();
                    assertThat(e.getMessage()).isEqualTo(files[1] + ": cannot read: no such file");
                });
    }
}
