package dk.flis.jobs.model;

import java.util.List;

/** A FLIS model: one class, named after the model, declaring its tables. */
public interface Model {
    /** The model's name as it appears in the plan (defaults to the class name). */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The declarations, in reading order; the runner orders them by their inputs. */
    List<TableDef> tables();
}
