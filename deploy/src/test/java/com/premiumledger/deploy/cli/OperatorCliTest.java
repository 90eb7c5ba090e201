package com.premiumledger.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The commands against a local server answering as the services do: requests sent, output, exit codes. */
class OperatorCliTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    // Recorded from billing-service's GET /accounts/{id}/history (trimmed to two events).
    private static final String BILLING_HISTORY = """
            {"accountId":"A-1001","asOf":"2027-01-05T23:59:59.999999999Z","eventsCounted":3,"eventsStored":4,
             "account":{"holderName":"Ana Silva","program":"APTC","coverageStart":"2027-01-01","language":"en",
              "bills":[{"billId":"A-1001-2027-01","coverageMonth":"2027-01","dueDate":"2026-12-23",
                "grossPremiumCents":50000,"subsidyCents":30000,"amountDueCents":20000,"paidCents":20000,
                "openCents":0,"missed":false,"status":"PAID","issuedEventId":"e-1"}],
              "billedCents":20000,"paidCents":20000,"paymentsReceivedCents":25000,"reversedCents":0,
              "refundedCents":0,"creditCents":5000,"balanceCents":-5000,"openCents":0,"lastSequence":2},
             "events":[{"sequence":0,"eventId":"e-0","type":"com.premiumledger.billing.AccountOpened.v1",
               "name":"AccountOpened","recordedAt":"2027-01-02T10:00:00Z","issuedBy":"service",
               "summary":"holderName=Ana Silva, program=APTC","payload":{},"balanceAfterCents":0},
              {"sequence":2,"eventId":"e-2","type":"com.premiumledger.billing.PaymentApplied.v1",
               "name":"PaymentApplied","recordedAt":"2027-01-03T10:00:00Z","issuedBy":"payment-application",
               "summary":"paymentId=P-1, amountCents=25000","payload":{},"balanceAfterCents":-5000}]}""";

    private static final String COVERAGE_HISTORY = """
            {"accountId":"A-1001","asOf":"2027-02-01T00:00:00Z","eventsCounted":3,"eventsStored":3,
             "coverage":{"accountId":"A-1001","program":"APTC","status":"GRACE","since":"2027-01-24",
              "paidThroughDate":"2027-01-31","graceStart":"2027-01-24","graceEnd":"2027-04-30",
              "terminationEffectiveDate":null,
              "history":[{"fromStatus":null,"toStatus":"PENDING_PAYMENT","reason":"ENROLLED",
                "effectiveDate":"2027-01-01","eventId":"c-0","topic":null,"partition":-1,"offset":-1},
               {"fromStatus":"ACTIVE","toStatus":"GRACE","reason":"PAYMENT_MISSED","effectiveDate":"2027-01-24",
                "eventId":"c-2","topic":null,"partition":-1,"offset":-1}]},
             "events":[]}""";

    private final RecordedService service;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    OperatorCliTest() throws Exception {
        service = new RecordedService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void historyPrintsTheBillingStateBillsAndEventsAsOfTheDate() {
        service.answer("GET /accounts/A-1001/history?asOf=2027-01-05", 200, JSON, BILLING_HISTORY);

        int exit = run("history", "A-1001", "--as-of=2027-01-05", "--url", service.url());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Billing history of A-1001 as of 2027-01-05T23:59:59.999999999Z (3 of 4 stored events)")
                .contains("Balance -$50.00  open $0.00  credit $50.00  billed $200.00  payments $250.00")
                .containsPattern("2027-01 +A-1001-2027-01 +due 2026-12-23 +amount \\$200.00 +paid \\$200.00"
                        + " +open \\$0.00 +PAID")
                .containsPattern("#2 +2027-01-03T10:00:00Z +PaymentApplied +by payment-application +paymentId=P-1");
        RecordedService.Request request = service.requests.get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.authorization()).isEqualTo(basic("operator", "operator-local-only"));
    }

    @Test
    void historyOfCoverageShowsStatusGraceAndChanges() {
        service.answer("GET /accounts/A-1001/history", 200, JSON, COVERAGE_HISTORY);

        int exit = run("history", "A-1001", "--service=coverage", "--url", service.url(), "--user", "auditor");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Coverage history of A-1001")
                .contains("GRACE since 2027-01-24 (program APTC), paid through 2027-01-31, grace 2027-01-24 to"
                        + " 2027-04-30, terminated -")
                .contains("2027-01-24  ACTIVE -> GRACE (PAYMENT_MISSED)");
        assertThat(service.requests.get(0).authorization()).isEqualTo(basic("auditor", "auditor-local-only"));
    }

    @Test
    void aProblemFromTheServiceIsPrintedOnStderrWithExitCode1() {
        service.answer("GET /accounts/NOPE/history", 404, PROBLEM, """
                {"type":"https://premium-ledger.example/problems/account-not-found","title":"Not found",
                 "status":404,"detail":"no BillingAccount NOPE is stored","instance":"/accounts/NOPE/history"}""");

        int exit = run("history", "NOPE", "--url", service.url());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip())
                .isEqualTo("error: 404 Not found [account-not-found]: no BillingAccount NOPE is stored");
    }

    @Test
    void republishSendsExactlyOneOfAggregateAndSince() {
        service.answer("POST /operations/republish", 200, JSON, "{\"commits\":2,\"events\":3}");

        int exit = run("republish", "--aggregate", "A-1001", "--url", service.url(), "--password", "s3cret");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("Republished 3 events in 2 commits from billing");
        RecordedService.Request request = service.requests.get(0);
        assertThat(request.body()).isEqualTo("{\"aggregateId\":\"A-1001\"}");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo(basic("operator", "s3cret"));

        assertThat(run("republish", "--since", "2027-01-01T00:00:00Z", "--url", service.url())).isZero();
        assertThat(service.requests.get(1).body()).isEqualTo("{\"since\":\"2027-01-01T00:00:00Z\"}");

        assertThat(run("republish", "--aggregate", "A", "--since", "2027-01-01T00:00:00Z")).isEqualTo(2);
        assertThat(run("republish", "--url", service.url())).isEqualTo(2);
        assertThat(service.requests).hasSize(2);
    }

    @Test
    void deadLettersAreListedAndRetriedById() {
        String letter = """
                {"id":"premium.billing.v1.dlt:0:5","originalTopic":"premium.billing.v1","originalPartition":0,
                 "originalOffset":41,"consumerGroup":"coverage-service.billing-events","key":"A-1001",
                 "eventId":"e-9","eventType":"com.premiumledger.billing.BillIssued.v1",
                 "exceptionClass":"java.lang.IllegalStateException","exceptionMessage":"poison pill",
                 "deadLetteredAt":"2027-01-05T10:00:00Z","retriedAt":null}""";
        service.answer("GET /operations/dead-letters", 200, JSON, "{\"count\":1,\"deadLetters\":[" + letter + "]}");
        service.answer("POST /operations/dead-letters/premium.billing.v1.dlt%3A0%3A5/retry", 200, JSON, letter);

        assertThat(run("dead-letters", "list", "--service=coverage", "--url", service.url())).isZero();
        assertThat(out.toString()).contains("1 dead letters in coverage")
                .contains("premium.billing.v1.dlt:0:5  premium.billing.v1:0@41  group"
                        + " coverage-service.billing-events  key A-1001")
                .contains("java.lang.IllegalStateException: poison pill");

        assertThat(run("dead-letters", "retry", "premium.billing.v1.dlt:0:5", "--url", service.url())).isZero();
        assertThat(service.requests.get(1).method()).isEqualTo("POST");
        assertThat(out.toString()).contains("Retried:");
    }

    private static String rebuildStatus(String state, long processed, Long remaining, double perSecond,
                                        Long secondsLeft, int generation, String message) {
        return """
                {"projection":"account-views","topics":["premium.billing.v1"],"collections":["account_views"],
                 "generation":%d,"state":"%s","rebuildGeneration":2,"startedAt":"2027-01-05T10:00:00Z",
                 "finishedAt":null,"eventsProcessed":%d,"eventsRemaining":%s,"eventsPerSecond":%s,
                 "estimatedSecondsLeft":%s,"message":%s}""".formatted(generation, state, processed, remaining,
                perSecond, secondsLeft, message == null ? "null" : "\"" + message + "\"");
    }

    @Test
    void rebuildWithWaitDrawsProgressUntilTheFreshCopyTookOver() {
        service.answer("POST /operations/projections/account-views/rebuild", 202, JSON,
                rebuildStatus("RUNNING", 0, null, 0, null, 1, null));
        service.answerInTurn("GET /operations/projections/account-views",
                rebuildStatus("RUNNING", 600, 1800L, 300.0, 6L, 1, null),
                rebuildStatus("SWITCHING", 2400, 0L, 400.0, 0L, 1, null),
                rebuildStatus("DONE", 2410, 0L, 400.0, null, 2, null));

        int exit = run("rebuild", "billing", "account-views", "--wait", "--interval=10ms", "--url", service.url());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("account-views  [..............................]   0%  0/? events  0.0/s  time left"
                        + " unknown  RUNNING (copy 1 in use, rebuild into copy 2)")
                .contains("account-views  [#######.......................]  25%  600/2400 events  300.0/s  ~6s left"
                        + "  RUNNING (copy 1 in use, rebuild into copy 2)")
                .contains("SWITCHING")
                .contains("account-views  [##############################] 100%  2410/2410 events  DONE (copy 2 in"
                        + " use)")
                .contains("Rebuilt account-views in billing: copy 2 answers queries now, the old copy was dropped.");
        assertThat(service.requests).extracting(RecordedService.Request::method)
                .containsExactly("POST", "GET", "GET", "GET");
        assertThat(service.requests.get(0).pathAndQuery())
                .isEqualTo("/operations/projections/account-views/rebuild");
    }

    @Test
    void aRebuildThatFailsIsExitCode1WithItsMessage() {
        service.answer("POST /operations/projections/account-views/rebuild", 202, JSON,
                rebuildStatus("RUNNING", 0, null, 0, null, 1, null));
        service.answer("GET /operations/projections/account-views", 200, JSON,
                rebuildStatus("FAILED", 10, 5L, 0, null, 1, "record premium.billing.v1-0@3 failed"));

        int exit = run("rebuild", "billing", "account-views", "--wait", "--interval=10ms", "--url", service.url());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Rebuild of account-views ended FAILED [rebuild-failed]: record"
                + " premium.billing.v1-0@3 failed");
    }

    @Test
    void aSecondRebuildIsRefusedAndOneCanBeCancelled() {
        service.answer("POST /operations/projections/account-views/rebuild", 409, PROBLEM, """
                {"type":"https://premium-ledger.example/problems/rebuild-running","title":"Conflict",
                 "status":409,"detail":"a rebuild of account-views is already running; wait for it or cancel it"}""");
        service.answer("DELETE /operations/projections/account-views/rebuild", 200, JSON,
                rebuildStatus("CANCELLED", 10, 5L, 0, null, 1, "cancelled by an operator"));

        assertThat(run("rebuild", "billing", "account-views", "--url", service.url())).isEqualTo(1);
        assertThat(err.toString()).contains("error: 409 Conflict [rebuild-running]: a rebuild of account-views is"
                + " already running");

        assertThat(run("rebuild", "billing", "account-views", "--cancel", "--url", service.url())).isZero();
        assertThat(out.toString()).contains("Cancelled the rebuild of account-views in billing");
        assertThat(service.requests.get(1).method()).isEqualTo("DELETE");

        assertThat(run("rebuild", "nowhere", "account-views")).isEqualTo(2);
    }

    @Test
    void statusListsEveryProjectionOrShowsOne() {
        service.answer("GET /operations/projections", 200, JSON, "{\"count\":2,\"projections\":["
                + rebuildStatus("RUNNING", 500, 1500L, 250.0, 6L, 1, null) + ","
                + rebuildStatus("IDLE", 0, null, 0, null, 0, null).replace("account-views", "ledger-views") + "]}");
        service.answer("GET /operations/projections/account-views", 200, JSON,
                rebuildStatus("RUNNING", 500, 1500L, 250.0, 6L, 1, null));

        assertThat(run("status", "billing", "--url", service.url())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 rebuildable projections in billing")
                .contains("account-views  [#######.......................]  25%  500/2000 events  250.0/s  ~6s left")
                .contains("ledger-views  [..............................]   0%  0/? events  IDLE (copy 0 in use)");

        assertThat(run("status", "billing", "account-views", "--url", service.url())).isZero();
        assertThat(service.requests.get(1).pathAndQuery()).isEqualTo("/operations/projections/account-views");
    }

    @Test
    void closeDayPostsTheDateAndSaysWhatClosed() {
        service.answer("POST /calendar/days/2027-01-24/close", 200, JSON,
                "{\"businessDate\":\"2027-01-24\",\"closedDays\":[\"2027-01-23\",\"2027-01-24\"]}");

        assertThat(run("close-day", "2027-01-24", "--url", service.url())).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("Business date 2027-01-24; 2 days closed now (2027-01-23 to 2027-01-24)");
        assertThat(run("close-day", "24.01.2027", "--url", service.url())).isEqualTo(2);
    }

    @Test
    void jsonPrintsTheAnswerAsTheServiceGaveIt() throws Exception {
        service.answer("POST /calendar/days/2027-01-24/close", 200, JSON,
                "{\"businessDate\":\"2027-01-24\",\"closedDays\":[]}");

        assertThat(run("close-day", "2027-01-24", "--json", "--url", service.url())).isZero();
        assertThat(OpsClient.JSON.readTree(out.toString()))
                .isEqualTo(OpsClient.JSON.readTree("{\"businessDate\":\"2027-01-24\",\"closedDays\":[]}"));
    }

    @Test
    void anUnreachableServiceIsExitCode3AndWrongCredentialsExitCode1() {
        String url = service.url();
        service.close();
        assertThat(run("dead-letters", "list", "--url", url)).isEqualTo(3);
        assertThat(err.toString()).contains("error: cannot reach " + url);

        try (RecordedService secured = new RecordedService()) {
            secured.answer("GET /operations/dead-letters", 401, "text/plain", "");
            assertThat(run("dead-letters", "list", "--url", secured.url())).isEqualTo(1);
            assertThat(err.toString()).contains("error: 401 Unauthorized: check --user and --password");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(String... args) {
        CommandLine commandLine = OperatorCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
