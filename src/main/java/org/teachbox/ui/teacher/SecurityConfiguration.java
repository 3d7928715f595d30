package org.teachbox.ui.teacher;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security guards the teacher's pages only. Learners stay anonymous: every learner page
 * says {@code @AnonymousAllowed}, teacher pages {@code @RolesAllowed("TEACHER")}, and Vaadin's
 * navigation access control checks that on the server for every navigation. Plain URLs (pictures,
 * the model API, health) are open here and check ownership themselves.
 * The shared-model API is called from other sites without a session, so it is left out of CSRF
 * (it changes nothing and keeps its own CORS and rate limit). The picture upload endpoint is left
 * out too and checks the Origin header itself (see upload/UploadController). Our own filter writes the
 * security headers, so Spring's frame and type headers are off to avoid two differing copies.
 * It lives with the teacher's pages because it names their login view; the password check itself
 * is {@code teacher.TeacherSignIn}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/upload/**")));
        http.headers(headers -> headers.frameOptions(f -> f.disable()).contentTypeOptions(c -> c.disable()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(TeacherLoginView.class, "/")
                .defaultSuccessUrl("/teacher", true)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }
}
