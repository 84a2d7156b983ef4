// Parses Java files (no symbol resolution) and prints every syntax error; exits 1 when there is one.
// The Spring AMQP programs are checked this way: Spring's jars are not on this machine.
//   java JavaSyntaxCheck.java File1.java File2.java ...
import com.sun.source.util.JavacTask;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public class JavaSyntaxCheck {
  public static void main(String[] args) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null);
    List<File> sources = Arrays.stream(args).map(File::new).toList();
    JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none"), null, files.getJavaFileObjectsFromFiles(sources));
    task.parse();
    boolean bad = false;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      bad = true;
      System.out.println(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
    }
    System.exit(bad ? 1 : 0);
  }
}
