package io.curio.localstack.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code up} recorded in {@code state.json}: how the stack was started and which datasets were imported.
 *
 * @param portOffset the offset added to every port
 * @param database the PostgreSQL database
 * @param dataset the id of the dataset served
 * @param ports every port, by process name
 * @param imported ids of the datasets whose history is in the data hub and the feature store
 */
public record StackState(int portOffset, String database, String dataset, Map<String, Integer> ports,
        List<String> imported) {

    public StackState {
        ports = Map.copyOf(ports);
        imported = List.copyOf((imported != null) ? imported : List.of());
    }

    public static StackState of(StackPorts ports, String database, DatasetChoice dataset, List<String> imported) {
        Map<String, Integer> byProcess = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            byProcess.put(service.processName(), ports.service(service));
        }
        byProcess.put("s3", ports.s3());
        byProcess.put(Processes.KINESIS, ports.kinesis());
        byProcess.put("attributes", ports.attributes());
        return new StackState(ports.offset(), database, dataset.id(), byProcess, imported);
    }

    public boolean wasImported(String datasetId) {
        return this.imported.contains(datasetId);
    }

    public StackState withImported(String datasetId) {
        List<String> all = new ArrayList<>(this.imported);
        all.add(datasetId);
        return new StackState(this.portOffset, this.database, this.dataset, this.ports, all);
    }

}
