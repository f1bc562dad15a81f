package org.sluice.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.sluice.events.Topic;
import org.sluice.events.TopicSettings;

/**
 * Creates every topic and dead-letter topic of Sluice that a cluster lacks, with the partitions, cleanup
 * and retention of its {@link TopicSettings}. The local stack calls it; on a single host run it once
 * before the services: {@code java -cp sluice-local.jar org.sluice.local.SluiceTopics BOOTSTRAP [REPLICAS]}.
 */
public final class SluiceTopics {

    private SluiceTopics() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SluiceTopics BOOTSTRAP_SERVERS [REPLICAS]");
            System.exit(2);
        }
        List<String> created = create(args[0], args.length == 2 ? Short.parseShort(args[1]) : 1);
        System.out.println(created.isEmpty() ? "every topic exists" : "created " + String.join(", ", created));
    }

    /**
     * Creates what is missing.
     *
     * @return the names of the topics created
     */
    public static List<String> create(String bootstrapServers, short replicas) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                add(missing, existing, topic.topicName(), topic.settings(), replicas);
                add(missing, existing, topic.dlqName(), TopicSettings.DEAD_LETTERS, replicas);
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return List.of(); // created by someone else meanwhile
            }
            throw new IllegalStateException("cannot create Sluice's topics on " + bootstrapServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + bootstrapServers + " while creating topics", e);
        }
    }

    private static void add(
            List<NewTopic> missing, Set<String> existing, String name, TopicSettings settings, short replicas) {
        if (!existing.contains(name)) {
            missing.add(new NewTopic(name, settings.partitions(), replicas).configs(settings.kafkaConfig()));
        }
    }
}
