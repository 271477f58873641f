package dev.atelier.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that grew past its limit. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
