package dev.atelier.media.ingest;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * PNG and JPEG stills confirmed in process with the JDK's own decoders, so the common case (a
 * model's picture) costs no ffmpeg and ffprobe processes. Same order as out of process: only the
 * headers are read first (the PNG's {@code IHDR}; the JPEG's markers up to its first scan) and
 * held to {@link DecodeLimits} (refused with the same {@code MediaRejected}), so a small file that
 * claims 60000×60000 pixels is refused on its claim; then the picture is decoded subsampled to
 * about thumbnail size (the heap holds a thumbnail, never the whole picture) and scaled to it.
 *
 * <p>Anything the JDK does not decode cleanly (a warning such as a truncated JPEG, an exception,
 * an unusual colour model) answers empty and the caller confirms the file with ffmpeg as before,
 * which then decides; so do pictures above {@link #MAX_PIXELS} (a progressive JPEG's decoder keeps
 * every coefficient of the picture in native memory: about 6 bytes a pixel), and only so many
 * decodes run at once.
 */
final class Stills {

    /** Larger pictures (within the limits) are decoded by ffmpeg, out of this process's memory. */
    static final long MAX_PIXELS = 4096L * 4096;

    private final int thumbnailSize;
    private final DecodeLimits limits;
    private final Semaphore decoding = new Semaphore(Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4));

    Stills(int thumbnailSize, DecodeLimits limits) {
        this.thumbnailSize = thumbnailSize;
        this.limits = limits;
    }

    static boolean handles(Container container) {
        return container == Container.PNG || container == Container.JPEG;
    }

    /** A picture decoded in process and the thumbnail written to {@code thumbnail}. */
    record Decoded(int width, int height) {
    }

    /**
     * Empty when the JDK cannot read the header or decode the picture cleanly (then ffmpeg decides).
     *
     * @param beforeDecoding runs after the header passed the limits and before any pixel is decoded
     */
    Optional<Decoded> decode(Path file, Container container, Path thumbnail, Runnable beforeDecoding)
            throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(
                    container == Container.PNG ? "png" : "jpeg");
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0); // reads the header only
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException unreadable) {
                    return Optional.empty();
                }
                if (!limits.imageFits(width, height)) {
                    throw Inspector.imageTooBig(limits, width, height);
                }
                beforeDecoding.run();
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                BufferedImage small = decodeSubsampled(reader, width, height);
                if (small == null) {
                    return Optional.empty();
                }
                write(scaled(small, width, height, container == Container.JPEG), container, thumbnail);
                return Optional.of(new Decoded(width, height));
            } finally {
                reader.dispose();
            }
        }
    }

    /** Null when the decoder failed or warned (a truncated JPEG is only a warning to the JDK). */
    private BufferedImage decodeSubsampled(ImageReader reader, int width, int height) throws IOException {
        AtomicBoolean warned = new AtomicBoolean();
        reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warned.set(true));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / thumbnailSize);
        param.setSourceSubsampling(step, step, 0, 0);
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding");
        }
        try {
            BufferedImage image = reader.read(0, param);
            return warned.get() ? null : image;
        } catch (IOException | RuntimeException | OutOfMemoryError undecodable) {
            return null;
        } finally {
            decoding.release();
        }
    }

    /** Within thumbnailSize² keeping the aspect ratio, never enlarged (as ffmpeg's scale was asked). */
    private BufferedImage scaled(BufferedImage source, int width, int height, boolean opaque) {
        double factor = Math.min(1.0, Math.min((double) thumbnailSize / width, (double) thumbnailSize / height));
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        boolean alpha = !opaque && source.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void write(BufferedImage image, Container container, Path file) throws IOException {
        if (container == Container.PNG) {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
