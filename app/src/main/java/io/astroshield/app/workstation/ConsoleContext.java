package io.astroshield.app.workstation;

import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.Dialogs;
import io.astroshield.app.time.TimeController;

/**
 * What every view-model is given: the services, the one task runner, the shared time and selection, the dialog
 * service. Views see only their view-model; view-models see this.
 */
public record ConsoleContext(Workstation workstation, BackgroundTasks tasks, TimeController time,
                             Selection selection, Dialogs dialogs) {
}
