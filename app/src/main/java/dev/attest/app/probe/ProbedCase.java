package dev.attest.app.probe;

import dev.attest.inference.probe.CaseProbe;

/**
 * One probed image and what stratifies it.
 *
 * @param caseId  the project's case id, or null for an image probed outside a project
 * @param name    the case's study reference, or the image's file name
 * @param site    the case's site, or null when unset
 * @param scanner the case's scanner, or null when unset
 */
public record ProbedCase(Long caseId, String name, String site, String scanner, CaseProbe probe) {
}
