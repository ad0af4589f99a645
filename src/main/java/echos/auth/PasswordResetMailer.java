package echos.auth;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends password reset mails over SMTP off the request path, retrying a few times with backoff. Without SMTP_HOST
 * (outside production) the link is written to the log instead, so a local install still works. The mail client is
 * made at the first mail, not at start: most starts send none, and its set-up was on the start path.
 */
@ApplicationScoped
public class PasswordResetMailer {

    private static final Logger LOG = Logger.getLogger(PasswordResetMailer.class);

    private final Instance<Mailer> mailer;
    private final boolean smtpConfigured;
    private final boolean production;
    private final int attempts;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "echos-mail");
        t.setDaemon(true);
        return t;
    });

    public PasswordResetMailer(Instance<Mailer> mailer, @ConfigProperty(name = "echos.smtp.host") Optional<String> smtpHost,
            @ConfigProperty(name = "echos.node-env") String nodeEnv, @ConfigProperty(name = "echos.mail.attempts") int attempts) {
        this.mailer = mailer;
        this.smtpConfigured = smtpHost.filter(h -> !h.isBlank()).isPresent();
        this.production = "production".equalsIgnoreCase(nodeEnv.trim());
        this.attempts = Math.max(1, attempts);
    }

    void announce(@Observes StartupEvent event) {
        if (smtpConfigured) {
            return;
        }
        if (production) {
            LOG.warn("event=smtp_missing hint=\"SMTP_HOST is not set: password reset answers 503 until it is\"");
        } else {
            LOG.info("event=smtp_missing hint=\"SMTP_HOST is not set: password reset links are written to this log\"");
        }
    }

    /** False only in production without SMTP: then no link can reach anybody. */
    public boolean canDeliver() {
        return smtpConfigured || !production;
    }

    /** Runs work off the request path, on the mail thread. */
    void inBackground(Runnable work) {
        background.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "event=password_reset_failed");
            }
        });
    }

    /** Called on the mail thread. */
    void send(String userId, String to, String link) {
        if (!smtpConfigured) {
            LOG.infof("event=password_reset_link user=%s link=%s", userId, link);
            return;
        }
        Mail mail = Mail.withText(to, "Reset your Echos password", ResetMailText.plain(link)).setHtml(ResetMailText.html(link));
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                mailer.get().send(mail);
                LOG.infof("event=password_reset_mail_sent user=%s attempt=%d", userId, attempt);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("event=password_reset_mail_failed user=%s attempt=%d reason=\"%s\"", userId, attempt, e.getMessage());
                sleepBeforeRetry(attempt);
            }
        }
        LOG.errorf("event=password_reset_mail_gave_up user=%s attempts=%d", userId, attempts);
    }

    private void sleepBeforeRetry(int attempt) {
        if (attempt >= attempts) {
            return;
        }
        try {
            TimeUnit.SECONDS.sleep(1L << Math.min(attempt - 1, 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
