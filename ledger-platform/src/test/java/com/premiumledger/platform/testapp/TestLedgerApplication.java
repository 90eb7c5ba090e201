package com.premiumledger.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the platform, to test the plumbing end to end. */
@SpringBootApplication
public class TestLedgerApplication {
}
