package com.premiumledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.premiumledger.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint but health needs HTTP Basic authentication; endpoints state their roles with
 * {@code @PreAuthorize}. Stateless: no session, no CSRF token (no browser forms).
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableMethodSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class LedgerSecurityConfiguration {

    @Bean
    SecurityFilterChain ledgerSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"premium-ledger\"");
                    write(response, objectMapper, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                            "Unauthenticated", "send HTTP Basic credentials"));
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        write(response, objectMapper, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "your role may not use this endpoint"))))
                .formLogin(Customizer.withDefaults()).formLogin(form -> form.disable());
        return http.build();
    }

    private static void write(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties properties, Environment environment) {
        LocalPasswordGuard.check(properties, environment);
        List<UserDetails> users = new ArrayList<>();
        for (LedgerSecurityProperties.User user : properties.users()) {
            users.add(User.withUsername(user.username())
                    .password(user.password())
                    .roles(user.roles().toArray(String[]::new))
                    .build());
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        // A plain UserDetailsService, not the manager itself: Spring would otherwise "upgrade" every stored
        // password to bcrypt after the first login and pay a full bcrypt check on every request (measured: most
        // of a service's CPU under load).
        return manager::loadUserByUsername;
    }
}
