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
 * page says how to set it.
 */
@Component
public class TeacherPassword {

    private static final Logger log = LoggerFactory.getLogger(TeacherPassword.class);

    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final String hash;

    TeacherPassword(@Value("${teachbox.teacher.password:}") String password) {
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
