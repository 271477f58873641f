package dev.atelier.media.delivery;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What every signed-link download shares in the API description: the link's query, the
 * conditional and range headers, and the answers other than the bytes themselves (springdoc reads
 * these through the meta-annotation). Each operation still describes its own 200 and 206, since
 * an asset is an image, a video or a sound and a thumbnail only an image.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "302", description = "With the S3 store: to a presigned URL of the bytes")
@ApiResponse(responseCode = "304", description = "Not modified since the `If-None-Match` ETag")
@ApiResponse(responseCode = "403", description = "`invalid_signature` (a forged, altered or incomplete link) "
        + "or `link_expired`")
@ApiResponse(responseCode = "404", description = "`not_found`: the asset (or its thumbnail) was deleted")
@ApiResponse(responseCode = "416", description = "`range_not_satisfiable`: no requested range lies within the "
        + "bytes")
@Parameter(name = "exp", in = ParameterIn.QUERY, description = "The link's expiry (part of the signed link)",
        schema = @Schema(type = "string", maxLength = 20))
@Parameter(name = "sig", in = ParameterIn.QUERY, description = "The link's signature",
        schema = @Schema(type = "string", maxLength = 200))
@Parameter(name = "Range", in = ParameterIn.HEADER, description = "Byte ranges (RFC 9110), e.g. `bytes=0-1023`",
        schema = @Schema(type = "string", maxLength = 1000))
@Parameter(name = "If-Range", in = ParameterIn.HEADER, description = "Send the range only if the ETag still "
        + "matches", schema = @Schema(type = "string", maxLength = 200))
@Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "An ETag the caller has",
        schema = @Schema(type = "string", maxLength = 1000))
@interface SignedLinkDocs {
}
