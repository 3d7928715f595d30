package org.teachbox.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The teacher's password check, its guessing throttle, and a server without a password. */
class TeacherSignInTest {

    private final TeacherSignIn signIn = new TeacherSignIn(new TeacherPassword("correct horse"));

    private static Authentication attempt(String name, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    @Test
    void theRightPasswordMakesATeacherUnderTheirName() {
        Authentication teacher = signIn.authenticate(attempt("Ms Chen", "correct horse", "10.0.0.1"));
        assertThat(teacher.isAuthenticated()).isTrue();
        assertThat(teacher.getName()).isEqualTo("Ms Chen");
        assertThat(teacher.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_TEACHER");
        assertThat(teacher.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsRefusedAndGuessingFromOneAddressIsSlowedDown() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("x", "guess", "10.0.0.2")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(attempt("x", "correct horse", "10.0.0.2")))
                .isInstanceOf(LockedException.class);
        // a teacher at another computer is not locked out by the guesser
        assertThat(signIn.authenticate(attempt("Mr Lin", "correct horse", "10.0.0.3")).isAuthenticated()).isTrue();
    }

    @Test
    void wrongPasswordsFromManyAddressesNeverKeepTheTeacherOutAtTheirOwnComputer() {
        for (int i = 0; i < 200; i++) {
            String address = "10.9." + (i / 250) + "." + (i % 250);
            try {
                signIn.authenticate(attempt("x", "guess " + i, address));
            } catch (BadCredentialsException | LockedException expected) {
                // refused, as it should be
            }
        }
        for (int i = 0; i < 4; i++) {
            assertThat(signIn.authenticate(attempt("Ms Chen", "correct horse", "10.0.0.7")).isAuthenticated()).isTrue();
        }
    }

    @Test
    void aShortPasswordStopsTheServerAndSaysWhy() {
        assertThatThrownBy(() -> new TeacherPassword("secret1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 10");
        assertThat(new TeacherPassword("ten chars!").isSet()).isTrue();
    }

    @Test
    void withoutAPasswordNobodySignsIn() {
        TeacherPassword none = new TeacherPassword("");
        assertThat(none.isSet()).isFalse();
        assertThatThrownBy(() -> new TeacherSignIn(none).authenticate(attempt("x", "", "10.0.0.4")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> new TeacherSignIn(none).authenticate(attempt("x", "null", "10.0.0.4")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
