package dev.spfemu.vmm.job;

import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.Field;
import dev.spfemu.model.PropertyModel;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The {@code Jobs} entity as VMM fills it while a job runs: what it is about, its progress in
 * quarters, and how it ended (with {@code ErrorInfo} when it failed). Property positions are
 * resolved once, when the emulator is built.
 */
final class JobRecord {

  private static final String FAILED = "Failed";
  private static final String COMPLETED = "Completed";
  private static final String RUNNING = "Running";

  private final EntityTypeModel type;
  private final Field<UUID> id;
  private final Field<UUID> stamp;
  private final Field<String> name;
  private final Field<String> cmdlet;
  private final Field<String> target;
  private final Field<UUID> targetId;
  private final Field<String> targetType;
  private final Field<String> resultName;
  private final Field<UUID> resultId;
  private final Field<Boolean> restartable;
  private final Field<Boolean> stoppable;
  private final Field<Boolean> visible;
  private final Field<OffsetDateTime> startTime;
  private final Field<OffsetDateTime> endTime;
  private final Field<String> progress;
  private final Field<Integer> progressValue;
  private final Field<String> status;
  private final Field<String> statusString;
  private final Field<Boolean> completed;
  private final Field<ComplexValue> errorInfo;

  JobRecord(EntityTypeModel type) {
    this.type = type;
    this.id = Field.guid(type, "ID");
    this.stamp = Field.guid(type, "StampId");
    this.name = Field.string(type, "Name");
    this.cmdlet = Field.string(type, "CmdletName");
    this.target = Field.string(type, "Target");
    this.targetId = Field.guid(type, "TargetObjectID");
    this.targetType = Field.string(type, "TargetObjectType");
    this.resultName = Field.string(type, "ResultName");
    this.resultId = Field.guid(type, "ResultObjectID");
    this.restartable = Field.bool(type, "IsRestartable");
    this.stoppable = Field.bool(type, "IsStoppable");
    this.visible = Field.bool(type, "IsVisible");
    this.startTime = Field.dateTime(type, "StartTime");
    this.endTime = Field.dateTime(type, "EndTime");
    this.progress = Field.string(type, "Progress");
    this.progressValue = Field.int32(type, "ProgressValue");
    this.status = Field.string(type, "Status");
    this.statusString = Field.string(type, "StatusString");
    this.completed = Field.bool(type, "IsCompleted");
    this.errorInfo = Field.complex(type, "ErrorInfo");
  }

  /** A new job's values: what it is about, started at {@code start}; its progress is set separately. */
  Object[] started(JobSpec spec, OffsetDateTime start) {
    Object[] values = new Object[type.propertyCount()];
    stamp.set(values, spec.stamp());
    name.set(values, spec.name());
    cmdlet.set(values, spec.cmdlet());
    target.set(values, spec.target());
    targetId.set(values, spec.targetId());
    targetType.set(values, spec.targetType());
    resultName.set(values, spec.target());
    resultId.set(values, spec.targetId());
    restartable.set(values, false);
    stoppable.set(values, true);
    visible.set(values, true);
    startTime.set(values, start);
    return values;
  }

  /** Sets the progress; below 100 % the job is running. */
  void progress(Object[] values, int percent) {
    progress.set(values, percent + " %");
    progressValue.set(values, percent);
    if (percent < 100) {
      status.set(values, RUNNING);
      statusString.set(values, RUNNING);
      completed.set(values, false);
    }
  }

  /** Whether the job has moved on since {@code percent}: completed, or at another step. */
  boolean isAt(Object[] values, int percent) {
    return completed.isTrue(values) || Integer.valueOf(percent).equals(progressValue.get(values));
  }

  /** Ends the job at {@code end}: Completed, or Failed with {@code failure} in its ErrorInfo. */
  void finish(Object[] values, RuntimeException failure, OffsetDateTime end) {
    boolean ok = failure == null;
    if (!ok) {
      errorInfo.set(values, errorInfo(failure));
    }
    progress(values, 100);
    status.set(values, ok ? COMPLETED : FAILED);
    statusString.set(values, ok ? COMPLETED : FAILED);
    completed.set(values, true);
    stoppable.set(values, false);
    restartable.set(values, !ok);
    endTime.set(values, end);
  }

  boolean isCompleted(Object[] values) {
    return completed.isTrue(values);
  }

  /** Gives a new job its ID before it is stored, so its failure can name it. */
  void identify(Object[] values, UUID jobId) {
    id.set(values, jobId);
  }

  UUID id(EntityValues job) {
    return id.get(job);
  }

  /** When the job started (null if a world file left it out). */
  OffsetDateTime startTime(EntityValues job) {
    return startTime.get(job);
  }

  int completedIndex() {
    return completed.index();
  }

  /**
   * The job's {@code ErrorInfo}, as VMM fills it for a failed job. The WAPack cmdlets report a failed
   * job with its {@code ErrorCodeString} and {@code ExceptionDetails}, so those carry the code and the
   * problem too.
   */
  private ComplexValue errorInfo(RuntimeException failure) {
    ComplexTypeModel info = errorInfo.property().complex();
    Object[] values = new Object[info.properties().size()];
    String code = "TargetChanged";
    String problem = "The object the job worked on changed or was removed while the job ran.";
    if (failure instanceof JobFaults.InjectedJobFailure injected) {
      code = injected.code();
      problem = injected.problem();
    } else if (failure instanceof JobFailure reported) {
      code = reported.code();
      problem = reported.problem();
    }
    setMember(info, values, "Code", code);
    setMember(info, values, "ErrorCodeString", code);
    setMember(info, values, "Problem", problem);
    setMember(info, values, "ExceptionDetails", problem);
    setMember(info, values, "RecommendedAction", "Correct the problem, then run the operation again.");
    setMember(info, values, "IsSuccess", false);
    setMember(info, values, "IsTerminating", true);
    return new ComplexValue(info, values);
  }

  private static void setMember(ComplexTypeModel info, Object[] values, String name, Object value) {
    PropertyModel member = info.property(name);
    if (member != null && (value == null || member.kind() == null || kindAccepts(member, value))) {
      values[member.index()] = value;
    }
  }

  private static boolean kindAccepts(PropertyModel member, Object value) {
    return value instanceof String ? member.kind() == EdmKind.STRING : value instanceof Boolean
        && member.kind() == EdmKind.BOOLEAN;
  }
}
