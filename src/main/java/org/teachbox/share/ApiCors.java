package org.teachbox.share;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin requests are allowed for the shared-model API only: a p5.js sketch on another
 * site, or Scratch's editor, loads the model from here. The rest of the app (pages, pictures)
 * stays same-origin. No cookies are involved, so any origin may call.
 */
@Configuration
class ApiCors implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/v1/**")
                .allowedOriginPatterns("*")
                .allowedMethods("GET", "POST", "OPTIONS")
                .allowedHeaders("*")
                .allowCredentials(false)
                .maxAge(3600);
    }
}
