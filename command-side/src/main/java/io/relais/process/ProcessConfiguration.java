package io.relais.process;

import io.relais.organisation.LeadRoutingProcess;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Process managers must not skip an event they failed on (Axon's default logs the failure and moves on):
 * their failures propagate, so the processor releases the segment and retries the event after a pause.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessConfiguration {

    @Autowired
    void retryFailedProcessSteps(EventProcessingConfigurer processing) {
        for (String group : List.of(LeadRoutingProcess.PROCESSING_GROUP, RecordProcesses.PROCESSING_GROUP)) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
