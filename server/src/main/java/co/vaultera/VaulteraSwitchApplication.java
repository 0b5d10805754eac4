package co.vaultera;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VaulteraSwitchApplication {

    public static void main(String[] args) {
        // Requests beyond the platform-thread pool (web.PlatformFirstExecutor) run on virtual threads, which wait
        // for sockets (database, processors, clients) through the JDK's pollers. By default on Linux those pollers
        // are virtual threads too, so every socket that becomes ready wakes a platform poller, then a virtual
        // poller, then the request: one hop more than with platform-thread pollers ("1"). A payment waits on about
        // ten sockets; at one payment at a time (all on virtual threads) the extra hop cost ~0.3 ms of CPU and a sixth
        // of the throughput on the 2-core VM (bench/README.md). Set before any virtual thread touches a socket;
        // -Djdk.pollerMode on the command line still wins.
        if (System.getProperty("jdk.pollerMode") == null) {
            System.setProperty("jdk.pollerMode", "1");
        }
        SpringApplication.run(VaulteraSwitchApplication.class, args);
    }
}
