package com.premiumledger.notification.history;

import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "notices", description = "Notices issued to members: bill ready, payment received, past due")
class NoticeController {

    /** The number of notices the account has in all, for paging through them. */
    static final String TOTAL_COUNT_HEADER = "X-Total-Count";

    private final NoticeProjection projection;
    private final MemberDirectory members;
    private final NotificationProperties properties;

    NoticeController(NoticeProjection projection, MemberDirectory members, NotificationProperties properties) {
        this.projection = projection;
        this.members = members;
        this.properties = properties;
    }

    @GetMapping("/accounts/{accountId}/notices")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's notices, oldest first",
            description = "Pages with offset and limit (limit at most premium.notification.page-size-max); the"
                    + " X-Total-Count header gives the number of notices in all. 404 when the account is known"
                    + " neither from billing nor from any notice.")
    ResponseEntity<AccountNotices> accountNotices(@PathVariable String accountId,
            @Parameter(description = "notices to skip") @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = "notices to return") @RequestParam(required = false) Integer limit) {
        checkId("accountId", accountId);
        int pageSize = pageSize(offset, limit);
        List<NoticeView> all = projection.accountNotices(accountId).orElseGet(() -> {
            if (!members.exists(accountId)) {
                throw ApiProblem.notFound("account-not-found", "no account " + accountId + " is known here");
            }
            return List.of();
        });
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) offset + pageSize, all.size());
        List<NoticeView> page = all.subList(from, to);
        return ResponseEntity.ok().header(TOTAL_COUNT_HEADER, Integer.toString(all.size()))
                .body(new AccountNotices(accountId, List.copyOf(page)));
    }

    @GetMapping("/notices/{noticeId}")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "One notice by its id", description = "Notice ids are <TYPE>:<trigger id>, e.g."
            + " BILL_READY:<bill id>, PAYMENT_RECEIVED:<payment id>, PAST_DUE_WARNING:<bill id>.")
    NoticeView notice(@PathVariable String noticeId) {
        checkId("noticeId", noticeId);
        return projection.notice(noticeId)
                .orElseThrow(() -> ApiProblem.notFound("notice-not-found", "no notice " + noticeId));
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
