package org.teachbox.teacher;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.teachbox.project.Names;
import org.teachbox.ratelimit.KeyedRateLimit;

/**
 * Checks a teacher's sign-in: any name (it is only shown on the dashboard) and the server's
 * teacher password. Guessing is slowed down per address: 5 tries, then one every 12 seconds.
 * There is no budget shared by all addresses: a pupil hammering from one laptop (or from many)
 * must never keep the teacher out at their own computer. What keeps a password from being guessed
 * across many addresses is its length (see {@link TeacherPassword}) and BCrypt's cost per try.
 */
@Component
class TeacherSignIn implements AuthenticationProvider {

    static final String ROLE = "TEACHER";

    private final TeacherPassword password;
    private final KeyedRateLimit perAddress = new KeyedRateLimit(1.0 / 12, 5);

    TeacherSignIn(TeacherPassword password) {
        this.password = password;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
        if (!perAddress.tryAcquire(address)) {
            throw new LockedException("Too many sign-in attempts");
        }
        if (!password.matches(String.valueOf(attempt.getCredentials()))) {
            throw new BadCredentialsException("Wrong teacher password");
        }
        String name;
        try {
            name = Names.clean(attempt.getName(), 40);
        } catch (RuntimeException e) {
            throw new BadCredentialsException("No usable name");
        }
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
