package org.teachbox.teacher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password teachers sign in with, set by the server's admin
 * ({@code TEACHBOX_TEACHER_PASSWORD} or {@code teachbox.teacher.password}). Only its BCrypt hash
 * is kept; it is never logged. Without one, nobody can sign in as a teacher, and the sign-in
 * page says how to set it. A password shorter than {@value #MIN_LENGTH} characters stops the
 * server at start: sign-in tries are limited per address only, so the length is what keeps a
 * class of laptops from guessing it.
 */
@Component
public class TeacherPassword {

    private static final Logger log = LoggerFactory.getLogger(TeacherPassword.class);

    static final int MIN_LENGTH = 10;

    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final String hash;

    TeacherPassword(@Value("${teachbox.teacher.password:}") String password) {
        if (password != null && !password.isBlank() && password.codePointCount(0, password.length()) < MIN_LENGTH) {
            String why = "The teacher password (TEACHBOX_TEACHER_PASSWORD) has " + password.codePointCount(0, password.length())
                    + " characters; it needs at least " + MIN_LENGTH + ", since any laptop on the school network can try it."
                    + " Choose a longer one, e.g. four words, and start the server again.";
            log.error(why);
            throw new IllegalStateException(why);
        }
        this.hash = password == null || password.isBlank() ? null : encoder.encode(password);
        if (hash == null) {
            log.info("No teacher password is set (TEACHBOX_TEACHER_PASSWORD): the teacher's pages are closed");
        }
    }

    public boolean isSet() {
        return hash != null;
    }

    boolean matches(String typed) {
        return hash != null && typed != null && encoder.matches(typed, hash);
    }
}
