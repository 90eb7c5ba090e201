package com.premiumledger.billing.ledger;

import com.premiumledger.billing.ledger.LedgerView.BillAmount;
import com.premiumledger.billing.ledger.LedgerView.LedgerLine;
import java.util.List;
import java.util.stream.Collectors;

/** Ledger lines as RFC 4180 CSV, one row per line, the JSON line's fields as columns. Pure. */
final class LedgerCsv {

    static final String HEADER = "sequence,eventId,eventType,effectiveDate,recordedAt,description,billId,paymentId,"
            + "dueDate,billAmounts,creditAddedCents,creditUsedCents,debitCents,creditCents,runningBalanceCents,"
            + "topic,partition,offset,issuedBy";

    private LedgerCsv() {
    }

    static String write(List<LedgerLine> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (LedgerLine line : lines) {
            csv.append(String.join(",", List.of(String.valueOf(line.sequence()), field(line.eventId()),
                    field(line.eventType()), field(line.effectiveDate()), field(line.recordedAt()),
                    field(line.description()), field(line.billId()), field(line.paymentId()), field(line.dueDate()),
                    field(billAmounts(line.billAmounts())), String.valueOf(line.creditAddedCents()),
                    String.valueOf(line.creditUsedCents()), String.valueOf(line.debitCents()),
                    String.valueOf(line.creditCents()), String.valueOf(line.runningBalanceCents()), field(line.topic()),
                    String.valueOf(line.partition()), String.valueOf(line.offset()), field(line.issuedBy()))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** "billId:cents" pairs separated by ";" so the column stays one field. */
    private static String billAmounts(List<BillAmount> amounts) {
        return amounts.stream().map(amount -> amount.billId() + ":" + amount.amountCents())
                .collect(Collectors.joining(";"));
    }

    /** Quoted when it holds a comma, quote or line break; a leading formula character is defused for spreadsheets. */
    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
