package com.premiumledger.notification.history;

import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.delivery.Delivery;
import com.premiumledger.notification.delivery.NoticeDeliveries;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "notices", description = "Notices issued to members (bill ready to termination) and their delivery")
class NoticeController {

    /** The number of notices the account has in all, for paging through them. */
    static final String TOTAL_COUNT_HEADER = "X-Total-Count";

    private final NoticeProjection projection;
    private final NoticeDeliveries deliveries;
    private final MemberDirectory members;
    private final NotificationProperties properties;

    NoticeController(NoticeProjection projection, NoticeDeliveries deliveries, MemberDirectory members,
                     NotificationProperties properties) {
        this.projection = projection;
        this.deliveries = deliveries;
        this.members = members;
        this.properties = properties;
    }

    @GetMapping("/accounts/{accountId}/notices")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's notices, oldest first",
            description = "Each with type, channel, delivery status, created and delivered times, amount and pay-by"
                    + " date. Pages with offset and limit (limit at most premium.notification.page-size-max); the"
                    + " X-Total-Count header gives the number of notices in all. 404 when the account is known"
                    + " neither from billing nor from any notice.")
    ResponseEntity<AccountNotices> accountNotices(@PathVariable String accountId,
            @Parameter(description = "notices to skip") @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = "notices to return") @RequestParam(required = false) Integer limit) {
        checkId("accountId", accountId);
        int pageSize = pageSize(offset, limit);
        List<IssuedNotice> all = projection.accountNotices(accountId).orElseGet(() -> {
            if (!members.exists(accountId)) {
                throw ApiProblem.notFound("account-not-found", "no account " + accountId + " is known here");
            }
            return List.of();
        });
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) offset + pageSize, all.size());
        List<IssuedNotice> page = all.subList(from, to);
        Map<String, Delivery> delivered = deliveries.findAll(page.stream().map(IssuedNotice::noticeId).toList());
        List<NoticeView> views = page.stream().map(notice -> NoticeView.of(notice, delivered.get(notice.noticeId())))
                .toList();
        return ResponseEntity.ok().header(TOTAL_COUNT_HEADER, Integer.toString(all.size()))
                .body(new AccountNotices(accountId, views));
    }

    @GetMapping("/notices/{noticeId}")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "One notice by its id, with its rendered content",
            description = "Notice ids are <TYPE>:<trigger>, e.g. BILL_READY:<bill id>, PAYMENT_RECEIVED:<payment"
                    + " id>, PAST_DUE_WARNING:<account>:<grace start>. The content is the text as sent (email"
                    + " subject and body, SMS text, or the letter's text); it appears once the notice is queued.")
    NoticeDetail notice(@PathVariable String noticeId) {
        checkId("noticeId", noticeId);
        IssuedNotice notice = projection.notice(noticeId)
                .orElseThrow(() -> ApiProblem.notFound("notice-not-found", "no notice " + noticeId));
        return NoticeDetail.of(notice, deliveries.find(noticeId).orElse(null));
    }

    // No "produces": a problem+json error must still be writable when the letter is missing.
    @GetMapping("/notices/{noticeId}/letter.pdf")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "The printed letter of a notice, as PDF",
            description = "For notices sent by LETTER, and for notices printed as a letter because their email or"
                    + " SMS failed. 404 (notice-not-found) for an unknown notice, 404 (no-letter) when the notice"
                    + " has no letter, or not yet.")
    @ApiResponse(responseCode = "200", description = "the letter",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    ResponseEntity<byte[]> letter(@PathVariable String noticeId) {
        checkId("noticeId", noticeId);
        projection.notice(noticeId)
                .orElseThrow(() -> ApiProblem.notFound("notice-not-found", "no notice " + noticeId));
        byte[] pdf = deliveries.letter(noticeId).orElseThrow(() -> ApiProblem.notFound("no-letter",
                "notice " + noticeId + " was not printed as a letter"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    private int pageSize(int offset, Integer limit) {
        if (offset < 0) {
            throw ApiProblem.badRequest("offset", "offset must not be negative");
        }
        int pageSize = limit == null ? properties.pageSizeDefault() : limit;
        if (pageSize < 1 || pageSize > properties.pageSizeMax()) {
            throw ApiProblem.badRequest("page-size",
                    "limit must be between 1 and " + properties.pageSizeMax() + ", got " + pageSize);
        }
        return pageSize;
    }

    private void checkId(String name, String id) {
        if (id.isBlank() || id.length() > properties.idLengthMax()) {
            throw ApiProblem.badRequest("invalid-id",
                    name + " must be 1 to " + properties.idLengthMax() + " characters");
        }
    }
}
