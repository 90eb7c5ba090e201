package com.premiumledger.notification.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The in-JVM SMTP server (GreenMail) every notification test sends to, one per JVM on a fixed free port, so it
 * can be stopped (to make SMTP fail) and started again on the same port.
 */
public final class TestSmtp {

    private static final int PORT = freePort();
    private static GreenMail server = started();

    private TestSmtp() {
    }

    public static int port() {
        return PORT;
    }

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    /** Every message received for {@code address} since the server last started, oldest first. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    public static synchronized void stop() {
        server.stop();
    }

    /** A fresh server on the same port (what it received before is gone). */
    public static synchronized void restart() {
        server.stop();
        server = started();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(to -> to.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
