package dev.spfemu.vmm.job;

import java.util.UUID;

/**
 * What a job is about.
 *
 * @param subscription the subscription the job belongs to
 * @param stamp the stamp the job ran on
 * @param name the job's name, as VMM's cmdlet and target ("Start-SCVirtualMachine web-01")
 * @param cmdlet the VMM cmdlet
 * @param target the target's name
 * @param targetId the target's ID
 * @param targetType the target's VMM type ("VM", "VMCheckpoint")
 */
public record JobSpec(String subscription, UUID stamp, String name, String cmdlet, String target, UUID targetId,
    String targetType) {
}
