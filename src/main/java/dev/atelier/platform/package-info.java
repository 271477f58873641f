/**
 * The small shared kit every module uses: problem responses, request ids, cursors, the clock,
 * signing primitives, the database and the background scheduler.
 *
 * <p>An open module: its subpackages are usable by every other module, because a kit that
 * hides its parts is no kit.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.atelier.platform;
