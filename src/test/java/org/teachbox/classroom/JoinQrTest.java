package org.teachbox.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.Test;

/** The projector's QR code scans back to the join link, and the SVG draws exactly its modules. */
class JoinQrTest {

    @Test
    void theQrCodeScansBackToTheJoinLink() throws Exception {
        String url = "http://192.168.1.20:8080/join/K7P2QX";
        BitMatrix m = JoinQr.matrix(url);
        int scale = 4;
        int w = m.getWidth() * scale;
        int h = m.getHeight() * scale;
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        var scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))));
        assertThat(scanned.getText()).isEqualTo(url);
    }

    @Test
    void theSvgHasOneSquarePerDarkModule() {
        String url = "http://school/join/ABCDEF";
        BitMatrix m = JoinQr.matrix(url);
        int dark = 0;
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                dark += m.get(x, y) ? 1 : 0;
            }
        }
        String svg = JoinQr.svg(url);
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight() + "\"");
        assertThat(JoinQr.svgDataUrl(url)).startsWith("data:image/svg+xml;base64,");
    }
}
