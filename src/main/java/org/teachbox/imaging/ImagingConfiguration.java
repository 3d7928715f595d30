package org.teachbox.imaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the upload pipeline a bean, with its limits adjustable in application.properties. */
@Configuration
class ImagingConfiguration {

    @Bean
    ImageIngest imageIngest(@Value("${teachbox.upload.max-bytes:0}") long maxBytes,
                            @Value("${teachbox.upload.max-pixels:0}") long maxPixels) {
        ImageLimits defaults = ImageLimits.defaults();
        return new ImageIngest(new ImageLimits(
                maxBytes > 0 ? maxBytes : defaults.maxBytes(),
                maxPixels > 0 ? maxPixels : defaults.maxPixels(),
                defaults.storedSide()));
    }

    /** {@code teachbox_decode_budget_used_bytes}: memory promised to pictures decoding now. */
    @Bean
    MeterBinder decodeBudgetMetrics(ImageIngest ingest) {
        return meters -> Gauge.builder("teachbox.decode.budget.used", ingest, ImageIngest::decodeBytesInUse)
                .baseUnit("bytes").description("Memory held by pictures being decoded").register(meters);
    }
}
