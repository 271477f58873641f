package dev.atelier.media.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The upload's bytes from the client: a read that fails is the client's doing (it went away, or
 * the multipart body broke off), which this marks so it is not mistaken for a storage failure.
 */
final class ClientInput extends FilterInputStream {

    static final class Interrupted extends IOException {
        Interrupted(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    ClientInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (IOException e) {
            throw new Interrupted(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            throw new Interrupted(e);
        }
    }
}
